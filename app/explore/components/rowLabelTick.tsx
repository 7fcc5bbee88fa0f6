'use client';
import { Text } from 'recharts';
import { INK } from '../colours';

interface TickProps {
  x: number | string;
  y: number | string;
  payload: { value: string };
}

/** The category-axis tick of the horizontal bar charts: the row label, right-aligned, wrapped to a few lines. */
export function rowLabelTick({ yWidth, narrow, maxLines }: { yWidth: number; narrow: boolean; maxLines: number }) {
  function RowLabelTick({ x, y, payload }: TickProps) {
    return (
      <Text x={Number(x) - 4} y={y} width={yWidth - 10} textAnchor="end" verticalAnchor="middle" maxLines={maxLines} fontSize={narrow ? 11 : 13} fill={INK}>
        {payload.value}
      </Text>
    );
  }
  return RowLabelTick;
}

/** On a phone: the row's label drawn above its first bar, for a LabelList's content. */
export function rowLabelAbove(labels: readonly { label: string }[]) {
  function RowLabelAbove({ x, y, index }: { x?: number | string; y?: number | string; index?: number }) {
    if (index === undefined) return null;
    return (
      <text x={Number(x)} y={Number(y) - 5} fontSize={12} fill={INK} className="value-label">
        {labels[index]?.label}
      </text>
    );
  }
  return RowLabelAbove;
}
