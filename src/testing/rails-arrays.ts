// The shipped bundles name top-level Rails arrays as they travel (`ids[]`, scripts/wire-form.mjs), so
// Prism reads `ids[]=1&ids[]=2` itself. What is left to map is arrays inside a deepObject
// (`filters[status][]=a`): Prism's deepObject reader knows no `[]`, and reads a `type: array` property
// only in indexed form (`filters[status][0]=a`) and a oneOf/anyOf of value-or-array only as a repeated
// key (`filters[status]=a`). Sending both forms lets it check the values whichever the schema is. Used
// by startContractMock and by the project's own contract harness.

export function toOpenApiArrays(url: string): string {
  const seenNested = new Map<string, number>();
  return url.replace(/([?&])([^=&[\]%]+)((?:\[[^=&[\]]+\])+)(?:\[\]|%5B%5D)=([^&#]*)/g, (_, separator: string, base: string, keys: string, value: string) => {
    const name = base + keys;
    const index = seenNested.get(name) ?? 0;
    seenNested.set(name, index + 1);
    return `${separator}${name}=${value}&${name}[${index}]=${value}`;
  });
}
