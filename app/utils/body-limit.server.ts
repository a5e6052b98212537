// A request body read with a size limit: a form is parsed only while it stays under the limit,
// so an oversized upload is refused as it arrives instead of after it has filled the memory.

/** The body is larger than the limit (or says so in Content-Length): answer 413. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body over ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/** The request's form data, or BodyTooLargeError as soon as more than maxBytes have come. */
export async function readFormData(request: Request, maxBytes: number): Promise<FormData> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!request.body) return request.formData();
  let received = 0;
  let tooLarge = false;
  const limited = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > maxBytes) {
          tooLarge = true;
          controller.error(new BodyTooLargeError(maxBytes));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(limited, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch (error) {
    if (tooLarge) throw new BodyTooLargeError(maxBytes);
    throw error;
  }
}
