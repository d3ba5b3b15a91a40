/**
 * How a user's argument is quoted inside a message: in double quotes, at most
 * `quotedArgumentMaxChars` characters of it, so a long cell cannot flood a
 * message. One small function, so every price message quotes the same way.
 */
export const quotedArgumentMaxChars = 60;

export function quoteArgument(text: string): string {
  const chars = Array.from(text);
  const shown = chars.length > quotedArgumentMaxChars ? `${chars.slice(0, quotedArgumentMaxChars).join("")}…` : text;
  return `"${shown}"`;
}
