/** The damage register (灾情登记): its map layer and the errors its handlers throw. The screens come later. */
export const zh = {
  'damage.layer': '灾情',
  'errors.damage.figures': '灾情数量有 {count} 处问题，未保存。',
  'errors.damage.inFuture': '灾情发生时间 {when} 晚于当前时间，请核对日期和时间。',
  'errors.damage.eventRequired': '请选择该灾情所属的事件：值班记录未关联事件，当前也没有进行中的事件。',
  'errors.damage.alreadyFromEntry': '该值班记录已登记过灾情（{count} 条）；如确属另一类灾情，请确认后再登记。',
  'errors.damage.alreadyVerified': '该灾情记录已核实，无需重复核实。',
  'errors.damage.removed': '该灾情记录已删除，不能再修改。',
  'errors.damage.photoTaken': '照片“{name}”已属于其他记录。',
  'errors.damage.nothingChanged': '更正内容与当前记录相同，未保存。',
};

export const en: Record<keyof typeof zh, string> = {
  'damage.layer': 'Damage',
  'errors.damage.figures': 'The damage figures have {count} problem(s); nothing was saved.',
  'errors.damage.inFuture': 'The damage time {when} is in the future; check the date and time.',
  'errors.damage.eventRequired': 'Choose the event this damage belongs to: the log entry names none and no event is open.',
  'errors.damage.alreadyFromEntry': 'Damage was already recorded from this log entry ({count}); confirm to record another kind.',
  'errors.damage.alreadyVerified': 'This damage record is already verified.',
  'errors.damage.removed': 'This damage record was removed and cannot be changed.',
  'errors.damage.photoTaken': 'The photo "{name}" already belongs to another record.',
  'errors.damage.nothingChanged': 'The correction changes nothing; nothing was saved.',
};
