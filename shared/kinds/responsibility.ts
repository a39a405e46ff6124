// One person's RACI role on one tracker item: who the chip names, and who is missing.
import type { Person } from "../summary";
import { defineKind } from "./kind";
import type { Responsibility } from "./schemas";

const people = (records: Responsibility[], role: Responsibility["role"]): Person[] =>
  records.filter((r) => r.role === role).map((r) => ({ person: r.person, department: r.department }));

export const responsibilityKind = defineKind({
  name: "responsibility",
  list: "responsibilities",
  links: "target",
  search: (r) => ({ title: `${r.person} (${r.role}) · ${r.target}`, text: [r.department] }),
  summary: (records) => ({
    accountable: people(records, "A"),
    responsible: people(records, "R"),
    consulted: people(records, "C"),
    informed: people(records, "I"),
  }),
  gaps(records, { items }) {
    const count = new Map<string, number>();
    for (const { data } of records) count.set(`${data.role} ${data.target}`, (count.get(`${data.role} ${data.target}`) ?? 0) + 1);
    const n = (key: string, role: Responsibility["role"]) => count.get(`${role} ${key}`) ?? 0;
    return {
      noAccountable: items.filter((key) => n(key, "A") === 0),
      severalAccountable: items.filter((key) => n(key, "A") > 1),
      noResponsible: items.filter((key) => n(key, "R") === 0),
    };
  },
});
