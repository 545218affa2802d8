import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg space-y-4 px-6 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600">This page does not exist, or you are not a member of the team it belongs to.</p>
      <Link href="/dashboard" className="inline-block font-medium text-indigo-700 underline">
        Go to your dashboard
      </Link>
    </main>
  );
}
