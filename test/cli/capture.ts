/** Running a CLI entry point (`main` of src/cli/*.ts) in the test process, with what it writes captured. */
export type CliMain = (argv: string[], out: (s: string) => unknown, err: (s: string) => unknown) => number;

/** The exit status and everything written to stdout and stderr by `main(args)`. */
export function capture(main: CliMain, args: string[]): { code: number; out: string; err: string } {
  let out = '',
    err = '';
  const code = main(
    args,
    (s) => void (out += s),
    (s) => void (err += s),
  );
  return { code, out, err };
}
