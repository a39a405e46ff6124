// The zod building blocks of user-entered values: text, ids, calendar days, web addresses, names of people and departments.
import { z } from "zod";

// A UTF-16 surrogate that is not part of a pair cannot be stored or shown faithfully.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A user-entered string: trimmed, capped, valid Unicode. */
export function text(max: number, min = 0) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !loneSurrogate.test(value), "must be valid Unicode text");
}

/** Ids made by clients or the server: url-safe, 8 to 64 characters. */
export const idPattern = /^[A-Za-z0-9_-]{8,64}$/;
export const id = z.string().regex(idPattern, "must be 8-64 letters, digits, - or _");

/** A calendar day, YYYY-MM-DD, that exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "must be a real calendar day");

export const httpUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL");

/** This machine: an address here may be plain http (`npm start`, local receivers), as nothing crosses a network. */
const loopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

/** An address that carries a credential (a token, a webhook key): https, except on this machine. */
export const httpsOrLoopbackUrl = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || (url.protocol === "http:" && loopbackHosts.includes(url.hostname));
      } catch {
        return false;
      }
    }, "must start with https:// (plain http only for localhost, 127.0.0.1 or [::1])");

export const personName = text(80, 1);
export const departmentName = text(60, 1);
