// A note's text field that suggests the workspace's members as one types `@`: arrows move, Enter or Tab picks, Escape closes.
import type { JSX, Ref } from "preact";
import { useState } from "preact/hooks";
import { insertMention, mentionBeingTyped, mentionChoices } from "../../shared/for-me";
import type { Member } from "../../shared/workspace";
import { t } from "./i18n";

type Person = Pick<Member, "id" | "name" | "department">;

interface MentionFieldProps extends Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onInput" | "ref"> {
  value: string;
  onValue(value: string): void;
  /** The members one may mention. */
  members: readonly Person[];
  textareaRef?: Ref<HTMLTextAreaElement>;
}

let lists = 0;

/** A textarea with a list of members under it while an `@name` is being typed; the pick is written as `@Name `. */
export function MentionField({ value, onValue, members, textareaRef, ...textarea }: MentionFieldProps) {
  const [listId] = useState(() => `liaison-mentions-${++lists}`);
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const typed = caret === null ? null : mentionBeingTyped(value, caret);
  const choices = typed ? mentionChoices(members, typed.query).filter((member) => member.name !== typed.query) : [];
  const showing = typed !== null && choices.length > 0;
  const current = Math.min(active, choices.length - 1);

  const pick = (field: HTMLTextAreaElement, member: Person) => {
    if (!typed || caret === null) return;
    const next = insertMention(value, typed.start, caret, member.name);
    onValue(next.text);
    setCaret(null);
    setActive(0);
    // The field takes the new text on the next render; the caret goes after the name then.
    requestAnimationFrame(() => {
      field.focus();
      field.setSelectionRange(next.caret, next.caret);
    });
  };

  const follow = (field: HTMLTextAreaElement) => setCaret(field.selectionStart === field.selectionEnd ? field.selectionStart : null);

  return (
    <div class="mention-field">
      <textarea
        {...textarea}
        ref={textareaRef}
        value={value}
        aria-autocomplete="list"
        aria-controls={showing ? listId : undefined}
        aria-activedescendant={showing ? `${listId}-${current}` : undefined}
        onInput={(e) => {
          onValue(e.currentTarget.value);
          follow(e.currentTarget);
          setActive(0);
        }}
        onClick={(e) => follow(e.currentTarget)}
        onKeyUp={(e) => {
          if (e.key === "ArrowLeft" || e.key === "ArrowRight" || e.key === "Home" || e.key === "End") follow(e.currentTarget);
        }}
        onBlur={() => setCaret(null)}
        onKeyDown={(e) => {
          if (!showing) return;
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setActive((current + (e.key === "ArrowDown" ? 1 : choices.length - 1)) % choices.length);
          } else if (e.key === "Enter" || e.key === "Tab") {
            e.preventDefault();
            pick(e.currentTarget, choices[current]);
          } else if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            setCaret(null);
          }
        }}
      />
      {showing && (
        <div class="mention-choices" id={listId} role="listbox" aria-label={t("mentionChoicesLabel")}>
          {choices.map((member, index) => (
            <div
              key={member.id}
              id={`${listId}-${index}`}
              class="mention-choice"
              role="option"
              tabIndex={-1}
              aria-selected={index === current}
              // Picked on mousedown, before the field loses its focus (which closes the list).
              onMouseDown={(e) => {
                e.preventDefault();
                const field = (e.currentTarget.parentElement?.previousElementSibling ?? null) as HTMLTextAreaElement | null;
                if (field) pick(field, member);
              }}
            >
              {member.name} <span class="mention-department">{member.department}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
