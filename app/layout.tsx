import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "eCourier dashboard", template: "%s · eCourier" },
  description: "Manage your team's eCourier API credentials.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, none ahead of time: its scripts must carry this response's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
