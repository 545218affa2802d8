"use client";
// Any page's error below the root layout (the dashboard, sign-in, sign-up, invitations): see
// app/_components/error-page.tsx. In production Next.js gives the browser the error's digest only.
import { ErrorPage } from "./_components/error-page";

export default function PageError({ error }: { error: Error & { digest?: string } }) {
  return <ErrorPage digest={error.digest} />;
}
