// The server's strength check of a new password (sign-up, accepting an invitation as a new person):
// zxcvbn-ts, in a worker thread. Loading its dictionaries blocks for 1.5–3 s and a check can take
// 0.2 s; on the main thread that would stall every /v1 request of this process, so the process keeps
// one worker (started on first use, or early by the pages with a password field) and asks it. Should
// the worker fail to start, the check runs here instead (and the log says so once).
import "server-only";
import { Worker } from "node:worker_threads";
import { logError, processState } from "@/lib/platform";
import {
  PASSWORD_STRENGTH_OPTIONS,
  passwordUserInputs,
  weakPasswordFeedback,
  type PasswordVerdict,
} from "./shared/password-strength";

// CommonJS run by the worker: its packages resolve from the working directory, the app's root.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { ZxcvbnFactory } = require("@zxcvbn-ts/core");
const common = require("@zxcvbn-ts/language-common");
const en = require("@zxcvbn-ts/language-en");
const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
  ...workerData,
});
parentPort.on("message", ({ id, password, userInputs }) => {
  try {
    const { score, feedback } = zxcvbn.check(password, userInputs);
    parentPort.postMessage({ id, verdict: { score, warning: feedback.warning, suggestions: feedback.suggestions } });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message) });
  }
});
`;

/** Longer than the worker's start on a busy machine (measured up to 4 s), short enough that a stuck one is replaced. */
const ANSWER_TIMEOUT_MS = 30_000;

type Pending = { resolve: (verdict: PasswordVerdict) => void; reject: (err: Error) => void; timer: NodeJS.Timeout };
type Estimator = { worker: Worker; pending: Map<number, Pending>; nextId: number };

const state = processState("password strength", () => ({
  estimator: undefined as Estimator | undefined,
  inProcess: undefined as Promise<(password: string, userInputs: string[]) => PasswordVerdict> | undefined,
  workerFailed: false,
}));

function startWorker(): Estimator {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...PASSWORD_STRENGTH_OPTIONS } });
  worker.unref(); // never what keeps a stopping process alive
  const estimator: Estimator = { worker, pending: new Map(), nextId: 1 };
  const failAll = (err: Error) => {
    if (state.estimator === estimator) state.estimator = undefined;
    for (const { reject, timer } of estimator.pending.values()) {
      clearTimeout(timer);
      reject(err);
    }
    estimator.pending.clear();
  };
  worker.on("message", (message: { id: number; verdict?: PasswordVerdict; error?: string }) => {
    const waiting = estimator.pending.get(message.id);
    if (!waiting) return;
    estimator.pending.delete(message.id);
    clearTimeout(waiting.timer);
    if (message.verdict) waiting.resolve(message.verdict);
    else waiting.reject(new Error(message.error ?? "the password strength worker failed"));
  });
  worker.on("error", (err) => {
    state.workerFailed = true;
    logError("auth", "the password strength worker failed; checking in this process from now on", err);
    failAll(err);
  });
  worker.on("exit", () => failAll(new Error("the password strength worker stopped")));
  return estimator;
}

function askWorker(password: string, userInputs: string[]): Promise<PasswordVerdict> {
  const estimator = (state.estimator ??= startWorker());
  const id = estimator.nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      estimator.pending.delete(id);
      reject(new Error("the password strength worker did not answer"));
      void estimator.worker.terminate(); // replaced on the next check
    }, ANSWER_TIMEOUT_MS);
    estimator.pending.set(id, { resolve, reject, timer });
    estimator.worker.postMessage({ id, password, userInputs });
  });
}

/** The same check on this thread: only when the worker cannot run. */
function checkHere(password: string, userInputs: string[]): Promise<PasswordVerdict> {
  state.inProcess ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
      ...PASSWORD_STRENGTH_OPTIONS,
    });
    return (pw: string, inputs: string[]) => {
      const { score, feedback } = zxcvbn.check(pw, inputs);
      return { score, warning: feedback.warning, suggestions: feedback.suggestions };
    };
  })();
  return state.inProcess.then((check) => check(password, userInputs));
}

/** Starts the worker now, so that the first check does not wait for its dictionaries (pages with a password field). */
export function preparePasswordStrength(): void {
  if (!state.workerFailed) state.estimator ??= startWorker();
}

/**
 * Why a new password is too easy to guess (zxcvbn's feedback, for the field), or null when it is
 * strong enough. `person`'s email and name count as words an attacker knows.
 */
export async function passwordWeakness(
  password: string,
  person: { email?: string; name?: string },
): Promise<string | null> {
  const userInputs = passwordUserInputs(person);
  if (!state.workerFailed) {
    try {
      return weakPasswordFeedback(await askWorker(password, userInputs));
    } catch (err) {
      if (!state.workerFailed) throw err; // a stuck worker: this check fails, the next one gets a new worker
    }
  }
  return weakPasswordFeedback(await checkHere(password, userInputs));
}
