import { SMALL_COLOUR } from '../colours';

/** The hatching of cells under the minimum base, defined once for every chart on the page. */
export function HatchDefs() {
  return (
    <svg className="svg-defs" aria-hidden="true" focusable="false" width="0" height="0">
      <defs>
        <pattern id="explore-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#eef0f3" />
          <line x1="0" y1="0" x2="0" y2="6" stroke={SMALL_COLOUR} strokeWidth="3" />
        </pattern>
      </defs>
    </svg>
  );
}
