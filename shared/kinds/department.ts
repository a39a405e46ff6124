// A department of the workspace, with its lead; only admins change them.
import { defineKind } from "./kind";

export const departmentKind = defineKind({
  name: "department",
  list: "departments",
  policy: { adminOnly: true },
  links: "none",
  search: (d) => ({ title: d.name, text: [d.lead] }),
});
