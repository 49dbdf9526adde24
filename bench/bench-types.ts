/** One row of benchmark output; `bench` names it, the other keys are its measurements. */
export interface BenchResult {
  bench: string;
  [key: string]: string | number;
}
