/** The definition of unique ids: the base if free, else the lowest `base-n` (n ≥ 2) not taken, counting from 2. */
export function idsByCounting(bases: readonly string[]): string[] {
  const used = new Set<string>();
  return bases.map((base) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}
