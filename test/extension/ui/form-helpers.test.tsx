import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { useFormState } from "../../../extension/ui/form-state";
import { departmentChoices, NamePicker } from "../../../extension/ui/NamePicker";
import { commonDepartments } from "../../../shared/vocabulary";

afterEach(cleanup);

const members = [
  { id: "member-pat-0001", name: "Pat Lee", department: "Product" },
  { id: "member-sam-0002", name: "Sam Wu", department: "Finance" },
];

function Form() {
  const [form, set, setForm] = useFormState({ title: "", owner: "" });
  return (
    <form>
      <label>
        Title
        <input value={form.title} onInput={set("title")} />
      </label>
      <label>
        Owner
        <NamePicker people={members} value={form.owner} onInput={set("owner")} />
      </label>
      <output>{JSON.stringify(form)}</output>
      <button type="button" onClick={() => setForm({ title: "", owner: "" })}>
        Clear
      </button>
    </form>
  );
}

describe("a form's state", () => {
  it("keeps each field's text under its own name, and clears as a whole", () => {
    render(<Form />);
    fireEvent.input(screen.getByLabelText("Title"), { target: { value: "Ship the DPA" } });
    fireEvent.input(screen.getByLabelText("Owner"), { target: { value: "Sam Wu" } });
    expect(JSON.parse(screen.getByRole("status").textContent ?? "")).toEqual({ title: "Ship the DPA", owner: "Sam Wu" });
    fireEvent.click(screen.getByRole("button", { name: "Clear" }));
    expect(JSON.parse(screen.getByRole("status").textContent ?? "")).toEqual({ title: "", owner: "" });
  });
});

describe("the name picker", () => {
  it("suggests departments, then people with their department, from a list of its own", () => {
    const { container } = render(
      <>
        <NamePicker aria-label="For" departments={["Legal"]} people={members} />
        <NamePicker aria-label="Owner" people={members} />
      </>,
    );
    const [forInput, ownerInput] = [screen.getByLabelText("For"), screen.getByLabelText("Owner")];
    const lists = [...container.querySelectorAll("datalist")];
    expect(lists.map((list) => list.id)).toEqual([forInput.getAttribute("list"), ownerInput.getAttribute("list")]);
    expect(new Set(lists.map((list) => list.id)).size).toBe(2);
    const options = [...lists[0].querySelectorAll("option")].map((o) => [o.value, o.getAttribute("label")]);
    expect(options).toEqual([
      ["Legal", null],
      ["Pat Lee", "Product"],
      ["Sam Wu", "Finance"],
    ]);
  });

  it("does not add its suggestions to the name of the field it sits in", () => {
    render(
      <label>
        Owner
        <NamePicker people={members} />
      </label>,
    );
    expect(screen.getByRole("combobox", { name: "Owner" })).toBeTruthy();
  });

  it("offers members' departments first, then the common ones, each once", () => {
    expect(departmentChoices(members)).toEqual(["Product", "Finance", ...commonDepartments.filter((d) => d !== "Product")]);
    expect(departmentChoices(members, ["Legal", "Finance"])).toEqual(["Product", "Finance", "Legal"]);
  });
});
