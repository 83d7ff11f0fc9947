// What Prism says is wrong with a request (or, as a proxy, with an answer): the `sl-violations` header,
// or, when the operation documents no 400/422, a problem document of Prism's own in place of an answer
// (an unknown path or an undocumented `Prefer` code is answered the same way).

export interface ContractViolation {
  method: string;
  url: string;
  violations: Array<{ location: string[]; code: string | number; message: string; severity: string }>;
}

/** The violations Prism reported on `response`, if any; reads a clone, so the response stays unread. */
export async function violationsOf(response: Response, method: string, url: string): Promise<ContractViolation | undefined> {
  const header = response.headers.get('sl-violations');
  if (header) return { method, url, violations: JSON.parse(header) as ContractViolation['violations'] };
  if (!response.headers.get('content-type')?.includes('application/problem+json')) return undefined;
  const problem = (await response.clone().json().catch(() => undefined)) as
    | { type?: string; title?: string; detail?: string; validation?: ContractViolation['violations'] }
    | undefined;
  if (!problem?.type?.includes('stoplight.io/prism/errors')) return undefined;
  return { method, url, violations: problem.validation ?? [{ location: ['request'], code: response.status, message: `${problem.title}: ${problem.detail}`, severity: 'Error' }] };
}
