// Base64 of UTF-8 text and back, with the `btoa`/`atob` globals every supported runtime has (no Buffer),
// for HTTP Basic credentials (RFC 7617: user-id ":" password, UTF-8, base64).

/** Base64 of the UTF-8 bytes of `text`. */
export function base64FromText(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The bytes a base64 string stands for, or undefined when it is not base64. */
export function bytesFromBase64(encoded: string): Uint8Array<ArrayBuffer> | undefined {
  let binary: string;
  try {
    binary = atob(encoded);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
