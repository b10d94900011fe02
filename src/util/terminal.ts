import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Whether to colour a stream. A variable counts only when it is present and not empty (the rule of
 * no-color.org and force-color.org: `NO_COLOR=` or `FORCE_COLOR=` as a template leaves them is as if
 * unset). FORCE_COLOR wins (`0` or `false` turn colour off, `2` and `3` choose more colours, any
 * other value turns it on), then NO_COLOR (any value turns colour off), then whether the stream is a
 * terminal (and TERM is not `dumb`). An explicit --color / --no-color overrides all.
 */
export function colorLevel(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env, flag?: boolean): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  if (flag === true) return 1;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n === 2 || n === 3 ? n : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!stream.isTTY) return 0;
  return env.TERM === 'dumb' ? 0 : 1;
}

export function chalkFor(level: 0 | 1 | 2 | 3): ChalkInstance {
  return new Chalk({ level });
}
