// lib/dashboard's client-safe face: what the browser's error page (app/error.tsx) shares with the
// server code that sends it there (lib/dashboard/outage.ts).

/**
 * The `digest` of the error thrown when the database cannot be reached. Next.js keeps an error's own
 * digest on its way to the browser (its message is replaced in production): the error page reads it.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "ECOURIER_DATABASE_UNAVAILABLE";

/** What a person is told, on the page or in an action's message. */
export const DATABASE_UNAVAILABLE_MESSAGE = "eCourier is having trouble reaching its database. Try again in a moment.";
