'use client';
import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog; the print stylesheet turns the page into a clean document. */
export function PrintButton() {
  return (
    <Button variant="secondary" onClick={() => window.print()} className="print:hidden">
      Print
    </Button>
  );
}
