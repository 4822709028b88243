// The `--project` choices of a test run, read the same way by scripts/test.ts and playwright.config.ts.

/**
 * Splits `--project NAME` / `--project=NAME` out of command-line arguments. Playwright's `--project`
 * takes every value up to the next option (`variadic`); scripts/test.ts reads one value per flag.
 */
export function splitProjects(args: string[], variadic = false): { projects: string[]; rest: string[] } {
  const projects: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--project=')) {
      projects.push(arg.slice('--project='.length));
    } else if (arg === '--project') {
      while (i + 1 < args.length && !args[i + 1]!.startsWith('-')) {
        projects.push(args[++i]!);
        if (!variadic) break;
      }
    } else {
      rest.push(arg);
    }
  }
  return { projects, rest };
}

/** Whether project `name` runs under these filters (none: every project; `*` is a wildcard, case ignored). */
export function projectChosen(filters: string[], name: string): boolean {
  if (filters.length === 0) return true;
  return filters.some((filter) => {
    const pattern = filter.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    return new RegExp(`^${pattern}$`, 'i').test(name);
  });
}
