import type { MenuItemConstructorOptions } from 'electron';

export type MenuLang = 'zh-CN' | 'en';

const LABELS = {
  'zh-CN': { file: '文件', quit: '退出', edit: '编辑', undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴', selectAll: '全选', view: '视图', reload: '重新加载', zoomIn: '放大', zoomOut: '缩小', resetZoom: '实际大小', fullscreen: '全屏', print: '打印…', help: '帮助', dataFolder: '打开数据文件夹', about: '关于防汛值守台' },
  en: { file: 'File', quit: 'Quit', edit: 'Edit', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select all', view: 'View', reload: 'Reload', zoomIn: 'Zoom in', zoomOut: 'Zoom out', resetZoom: 'Actual size', fullscreen: 'Full screen', print: 'Print…', help: 'Help', dataFolder: 'Open data folder', about: 'About FloodDesk' },
} satisfies Record<MenuLang, Record<string, string>>;

export interface MenuActions {
  print(): void;
  openDataFolder(): void;
  about(): void;
}

/** Native menus in the user's language; the standard roles keep the platform shortcuts. */
export function buildMenuTemplate(lang: MenuLang, actions: MenuActions): MenuItemConstructorOptions[] {
  const l = LABELS[lang];
  return [
    { label: l.file, submenu: [{ label: l.print, accelerator: 'CmdOrCtrl+P', click: actions.print }, { type: 'separator' }, { role: 'quit', label: l.quit }] },
    {
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        { type: 'separator' },
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    {
      label: l.view,
      submenu: [
        { role: 'reload', label: l.reload },
        { role: 'zoomIn', label: l.zoomIn },
        { role: 'zoomOut', label: l.zoomOut },
        { role: 'resetZoom', label: l.resetZoom },
        { type: 'separator' },
        { role: 'togglefullscreen', label: l.fullscreen },
      ],
    },
    { label: l.help, submenu: [{ label: l.dataFolder, click: actions.openDataFolder }, { label: l.about, click: actions.about }] },
  ];
}
