export { assertBackupFolder, backupHandlers } from './backup.handlers';
export { BackupService } from './service';
export { backupFolders, chosenFolderOf, createBackupSync, newestGoodBackup } from './snapshots';
