// After a failed submit, put the keyboard (and a screen reader) on the first field
// that needs attention; waits one frame so React has marked the fields first.
export function focusFirstInvalid(container: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const field = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
  });
}
