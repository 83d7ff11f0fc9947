// OpenAPI 3.0 has no style for Rails arrays: the specs declare array parameters in the default form
// style (`ids=1&ids=2`) and say the wire form is `ids[]=1&ids[]=2`, which the client sends and which
// Prism 5.14 does not read. Contract checks map one to the other before Prism sees the request, so
// Prism validates the values. Used by startContractMock and by the project's own contract harness.

export function toOpenApiArrays(url: string): string {
  const seenNested = new Map<string, number>();
  return url.replace(/([?&])([^=&[\]%]+)((?:\[[^=&[\]]+\])*)(?:\[\]|%5B%5D)=([^&#]*)/g, (_, separator: string, base: string, keys: string, value: string) => {
    if (!keys) return `${separator}${base}=${value}`;
    // Inside a deepObject (`filters[status][]=a`) Prism reads a `type: array` property only in indexed
    // form (`filters[status][0]=a`) and a oneOf/anyOf of value-or-array only as a repeated key
    // (`filters[status]=a`). Sending both forms lets it check the values whichever the schema is.
    const name = base + keys;
    const index = seenNested.get(name) ?? 0;
    seenNested.set(name, index + 1);
    return `${separator}${name}=${value}&${name}[${index}]=${value}`;
  });
}
