// The small part of autocannon's API that scripts/bench.ts uses (the package ships no types).
declare module "autocannon" {
  type Percentiles = { average: number; p50: number; p90: number; p99: number; max: number };
  export type Result = {
    requests: Percentiles & { total: number };
    latency: Percentiles;
    non2xx: number;
    errors: number;
    timeouts: number;
    duration: number;
  };
  export type Options = { url: string; connections: number; duration: number; headers?: Record<string, string> };
  export default function autocannon(options: Options): Promise<Result>;
}
