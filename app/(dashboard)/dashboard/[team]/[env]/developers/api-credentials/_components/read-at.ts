// Data loaded on the server with the time it was read: the browser judges expiries at that time
// while it hydrates, so the server's HTML and the first client render agree (components/ui/use-now.ts).
export async function withReadTime<T>(load: Promise<T>): Promise<{ data: T; readAt: number }> {
  const data = await load;
  return { data, readAt: Date.now() };
}
