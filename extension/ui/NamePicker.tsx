// The fields for a person's or a department's name, suggesting the workspace's members and departments as one types.
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { commonDepartments } from "../../shared/vocabulary";
import type { Member } from "../../shared/workspace";

type Person = Pick<Member, "id" | "name" | "department">;

interface NamePickerProps extends Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "list"> {
  /** People suggested by name, each with their department beside it. */
  people?: readonly Person[];
  /** Departments suggested, before any people. */
  departments?: readonly string[];
}

let lists = 0;

/**
 * A text input with its own suggestion list. The list's id is counted here, not taken from
 * useId: separate Preact roots (panel, options, each in-page form) would hand out the same ids.
 */
export function NamePicker({ people = [], departments = [], ...input }: NamePickerProps) {
  const [listId] = useState(() => `liaison-names-${++lists}`);
  return (
    <>
      <input {...input} list={listId} />
      <datalist id={listId}>
        {departments.map((name) => (
          <option key={`d:${name}`} value={name} />
        ))}
        {/* The department as the option's label, not its text: a picker inside a <label> must not add to the field's name. */}
        {people.map((person) => (
          <option key={person.id} value={person.name} label={person.department} />
        ))}
      </datalist>
    </>
  );
}

/** The departments to suggest: those members belong to, then the workspace's own, then the common ones (each once). */
export function departmentChoices(members: readonly Person[], others: readonly string[] = commonDepartments): string[] {
  return [...new Set([...members.map((m) => m.department), ...others])];
}
