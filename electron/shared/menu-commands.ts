/** Commands the native menu sends to the renderer; the renderer's keyboard shortcuts map to the same. */
export const MENU_COMMANDS = ['new-procedure', 'export', 'backup', 'settings'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_CHANNEL = 'rootlog:menu';
export const MENU_API_NAME = 'rootlogMenu';
export const isMenuCommand = (value: unknown): value is MenuCommand => MENU_COMMANDS.includes(value as MenuCommand);
