// A team as the browser receives it.
export type TeamSummary = { id: string; slug: string; name: string };
