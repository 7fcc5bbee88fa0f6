import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Personalization acceptance', template: '%s · Personalization acceptance' },
  description: 'Which personalization does an audience welcome, and which feels creepy? Reproduces two published studies from respondent-level data.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
