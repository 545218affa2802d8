// A form's own error (not a field's): a polite live region that keeps its height when empty,
// so the form does not jump when a message appears.
export function FormError({ message, testId }: { message?: string; testId?: string }) {
  return (
    <p aria-live="polite" className="min-h-5 text-sm text-red-700" data-testid={testId}>
      {message}
    </p>
  );
}
