/**
 * Zod's own English, as its locale words a refusal ("Too small: expected number to be >=1",
 * "Invalid input: expected string, received undefined", "Unrecognized key: …"): what no person
 * may ever be shown. The tests that look for it in every message use this one pattern.
 */
export const ZOD_OWN_WORDS =
  /^(Invalid (input|option|string|number|key|value|discriminator|element|type|union)|Too (small|big):|Unrecognized keys?:|Invalid [A-Z])|(Invalid|Too small|Too big|Unrecognized)[^a-z]|expected .* received|expected (number|string|boolean|array|object|int|bigint|date) to/;
