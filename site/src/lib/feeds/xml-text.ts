/**
 * Text for xmlbuilder2. Its serializer escapes `<` and `>` but leaves an `&` that
 * starts something shaped like an entity (`&lt;`, `&#60;`) as it is, so a title
 * holding the characters "&lt;script&gt;" would reach feed readers as "<script>".
 * Escaping every `&` first keeps each character of the value as written.
 */
export const xmlText = (value: string) => value.replace(/&/g, '&amp;');

/** Attribute values for xmlbuilder2, escaped like `xmlText`. */
export const xmlAttributes = (attributes: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, xmlText(value)]));

/**
 * RSS readers read a `<description>` as HTML once the XML is decoded, while ours is
 * plain text: escaped as HTML as well, markup in it reaches the reader as text.
 */
export const htmlText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
