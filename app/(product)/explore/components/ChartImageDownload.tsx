'use client';
import { useTranslations } from 'next-intl';
import { type RefObject, useState } from 'react';
import { composeChartSvg, type LegendItem } from '@/lib/explore/chartExport';
import { useChartMethods } from './chartMethods';

type Format = 'PNG' | 'SVG';

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** recharts' <svg>, waiting a few frames if the chart is being drawn right now (recharts draws after it has mounted). */
async function chartSvgIn(frame: HTMLDivElement | null): Promise<SVGSVGElement | null> {
  for (let i = 0; i < 30; i++) {
    const svg = frame?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (svg) return svg;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return null;
}

/** Draws the SVG on a canvas at twice its size (sharp on slides) and returns the PNG. */
async function toPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.scale(2, 2);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * PNG and SVG downloads of the chart inside `frame`, with the title, the colour key and a methods
 * footnote drawn into the image (the chart's own footnote plus the dataset, weighting and audience lines).
 */
export function ChartImageDownload({ frame, title, legend, footnote, fileName }: { frame: RefObject<HTMLDivElement | null>; title: string; legend: LegendItem[]; footnote: string[]; fileName: string }) {
  const t = useTranslations('explore');
  const methods = useChartMethods();
  const [error, setError] = useState<string | null>(null);
  const download = async (format: Format) => {
    setError(null);
    try {
      const chart = await chartSvgIn(frame.current);
      if (!chart) throw new Error(t('noView'));
      const { width, height } = chart.getBoundingClientRect();
      const defs = document.querySelector('.svg-defs defs')?.outerHTML;
      const svg = composeChartSvg({ chartSvg: new XMLSerializer().serializeToString(chart), width, height, title, legend, footnote: [...methods, ...footnote], defs });
      const size = svg.match(/^<svg [^>]*width="(\d+)" height="(\d+)"/)!;
      if (format === 'SVG') save(new Blob([svg], { type: 'image/svg+xml' }), `${fileName}.svg`);
      else save(await toPng(svg, Number(size[1]), Number(size[2])), `${fileName}.png`);
    } catch (e) {
      setError(t('imageFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <>
      {(['PNG', 'SVG'] as const).map((format) => (
        <button key={format} type="button" className="button-secondary image-button" onClick={() => void download(format)} aria-label={t('downloadImageOf', { title, format })}>
          <span aria-hidden="true">⤓ </span>
          {format}
        </button>
      ))}
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </>
  );
}
