// A form's fields kept as the text typed in them, with the handler each field's onInput (or a select's onChange) takes.
import { useState } from "preact/hooks";

interface FieldEvent {
  currentTarget: { value: string };
}

/** `[values, set, setValues]`: `set("title")` is the title field's input handler; `setValues` resets or fills the whole form. */
export function useFormState<Values extends Record<string, string>>(initial: Values | (() => Values)) {
  const [values, setValues] = useState<Values>(initial);
  const set = (key: keyof Values) => (event: FieldEvent) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [key]: value }));
  };
  return [values, set, setValues] as const;
}
