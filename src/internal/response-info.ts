// What the transport knows about a response it returned (method, path template, attempts), kept
// beside the Response rather than on it, so errors and outcomes can say which call it answered.

/** Safe to put in errors and logs: the path is the template, never the real URL. */
export interface ResponseInfo {
  method: string;
  /** Path template, e.g. `/company/promoters/{id}`. */
  path: string;
  /** Attempts made; above 1 when earlier attempts failed in transit. */
  attempts: number;
  /** The calling client's own credentials, to scrub from whatever is kept of this response. Never printed. */
  secrets?: ReadonlySet<string> | undefined;
}

const INFO = new WeakMap<Response, ResponseInfo>();

export function responseInfo(response: Response): ResponseInfo | undefined {
  return INFO.get(response);
}

export function recordResponseInfo(response: Response, info: ResponseInfo): void {
  INFO.set(response, info);
}
