"use client";
// An error in the root layout itself, which app/error.tsx cannot catch: this replaces the whole
// document, so it brings its own <html>, <body> and styles.
import "./globals.css";
import { ErrorPage } from "./_components/error-page";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <head>
        <title>eCourier</title>
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <ErrorPage digest={error.digest} />
      </body>
    </html>
  );
}
