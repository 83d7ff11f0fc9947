/** RFC 9110 token: what an HTTP header name may be (call headers and webhook sender checks alike). */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
