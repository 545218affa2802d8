// Makes app/favicon.ico (16, 32 and 48 px) from app/icon.svg, rendered by Chromium: run it after
// changing the icon. Browsers that do not read the SVG icon, and anything asking for /favicon.ico,
// get these. The .ico holds PNG images, as every current browser reads them.
import fs from "node:fs";
import { chromium } from "@playwright/test";

const svg = fs.readFileSync("app/icon.svg", "utf8");
// Debian's Chromium, as for the tests (playwright.config.ts).
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const page = await browser.newPage();
const images = [];
for (const size of [16, 32, 48]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  images.push({ size, png: await page.screenshot({ omitBackground: true }) });
}
await browser.close();

// ICONDIR, one ICONDIRENTRY per image, then the images.
const header = Buffer.alloc(6 + 16 * images.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2); // an icon
header.writeUInt16LE(images.length, 4);
let offset = header.length;
images.forEach(({ size, png }, i) => {
  const entry = 6 + 16 * i;
  header.writeUInt8(size, entry);
  header.writeUInt8(size, entry + 1);
  header.writeUInt16LE(1, entry + 4); // colour planes
  header.writeUInt16LE(32, entry + 6); // bits per pixel
  header.writeUInt32LE(png.length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += png.length;
});
fs.writeFileSync("app/favicon.ico", Buffer.concat([header, ...images.map(({ png }) => png)]));
console.log(`app/favicon.ico: ${images.map(({ size }) => `${size}px`).join(", ")}, ${offset} bytes`);
