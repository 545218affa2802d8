import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-center text-lg font-semibold tracking-tight text-indigo-700">eCourier</p>
        {children}
      </div>
    </main>
  );
}
