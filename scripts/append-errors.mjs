// Rewrites how ajv's standalone code gathers the errors of a sub-validator (a `$ref` compiled as a
// function of its own, such as one claim), used by scripts/build.mjs on every generated module.
//
// ajv 8 emits, after each failed call of a sub-validator:
//
//     vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);errors = vErrors.length;
//
// `concat` copies every error gathered so far, so a file with N items that each have an error costs
// O(N²) (80,000 unknown keys in reasons took 85 s). The rewrite appends in place instead, with a
// helper emitted into the module that pushes in a loop (`push(...list)` throws past about 120,000
// items). The errors and their order are unchanged: `concat` put the sub-validator's errors after
// the ones gathered so far, and so does the loop; when none were gathered, the sub-validator's array
// is taken as it was before.
//
// Strict on purpose: if the pattern is not found, or any `concat(` is left, this throws, so that an
// ajv upgrade that changes its output fails the build instead of quietly bringing the quadratic back.

/** The name of the helper added to each module. */
export const APPEND = 'argmapAppendErrors';

const HELPER = `
/** Appends the errors of a sub-validator to those gathered so far, in place (scripts/append-errors.mjs). */
function ${APPEND}(gathered, more) {
  for (let i = 0; i < more.length; i++) gathered.push(more[i]);
  return gathered;
}
`;

const PATTERN =
  /vErrors = vErrors === null \? ([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\.errors) : vErrors\.concat\(\1\);errors = vErrors\.length;/g;

/**
 * The module with every `vErrors.concat(x.errors)` replaced by an in-place append, and the helper
 * that does it. Throws when a `concat(` survives, and when there was nothing to rewrite in code that
 * is expected to have sub-validators (`expected`: a schema with `$ref`s that ajv compiles to
 * functions of their own; the config schema has none).
 * @param {string} code standalone code from ajv
 * @param {{ name: string, expected: boolean }} options what the code is, for the error message
 * @returns {{ code: string, rewritten: number }}
 */
export function appendErrorsInPlace(code, { name, expected }) {
  if (code.includes(APPEND)) throw new Error(`${name}: the generated code already uses the name ${APPEND}`);
  let rewritten = 0;
  const out = code.replace(PATTERN, (_, errors) => {
    rewritten++;
    return `vErrors = vErrors === null ? ${errors} : ${APPEND}(vErrors, ${errors});errors = vErrors.length;`;
  });
  if (rewritten === 0 && expected) {
    throw new Error(
      `${name}: ajv's code for gathering a sub-validator's errors ("vErrors.concat(...)") was not found: ` +
        'ajv may have changed what it generates; update scripts/append-errors.mjs, and keep the gathering linear',
    );
  }
  const left = out.indexOf('concat(');
  if (left !== -1) {
    throw new Error(
      `${name}: a "concat(" is left in the generated code, which copies the errors gathered so far ` +
        `(quadratic in the number of errors): ...${out.slice(Math.max(0, left - 120), left + 60)}...`,
    );
  }
  return { code: rewritten === 0 ? out : out + HELPER, rewritten };
}
