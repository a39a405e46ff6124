// The 1 to 5 choices of a risk's likelihood or impact, in the side panel and the in-page risk form.
import { riskScale } from "../../shared/vocabulary";

/** The options of a 1 to 5 likelihood or impact select. */
export function ScaleOptions() {
  return (
    <>
      {riskScale.map((n) => (
        <option key={n} value={String(n)}>
          {n}
        </option>
      ))}
    </>
  );
}
