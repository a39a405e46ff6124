// A meeting, with its attendees and notes; its decisions and action items point back to it.
import { defineKind } from "./kind";

export const meetingKind = defineKind({
  name: "meeting",
  list: "meetings",
  links: "none",
  search: (m) => ({ title: `${m.title} · ${m.date}`, text: [m.notes, ...m.attendees, ...m.departments] }),
});
