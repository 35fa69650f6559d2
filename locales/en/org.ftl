## Importing the organisation from a CSV file (npm run cli -- org import)
## Every error names its line in the file; any error rejects the whole file and nothing is written.

org-import-file-is-excel = This is an Excel workbook (.xlsx or .xls), not a CSV file. Open it in Excel, choose "Save As", type "CSV UTF-8 (Comma delimited) (*.csv)", and import the .csv file you saved.
org-import-file-not-utf8 = Line { $line }: the file is not saved as UTF-8. Open it in Excel and save it again as "CSV UTF-8 (Comma delimited)".
org-import-file-empty = Line { $line }: the file has no data below the header line.
org-import-csv-unterminated-quote = Line { $line }: a double quote (") opens here and is never closed.
org-import-csv-text-after-quote = Line { $line }: there is text after a closing double quote. Inside a quoted cell, a double quote must be written twice ("").
org-import-header-missing-column = Line { $line }: the header lacks the required column "{ $column }".
org-import-header-unknown-column = Line { $line }: the column "{ $column }" is not part of the file format (see samples/README.md).
org-import-header-duplicate-column = Line { $line }: the column "{ $column }" appears twice in the header.
org-import-too-many-fields = Line { $line }: { $count } cells, more than the { $expected } columns of the header. Text containing a comma must be put in double quotes.
org-import-missing-field = Line { $line }: the required column "{ $column }" is empty.
org-import-field-too-long = Line { $line }: the column "{ $column }" is longer than { $max } characters.
org-import-bad-code = Line { $line }: the code "{ $value }" in column "{ $column }" is not valid. Codes use unaccented letters, digits, dots, dashes or underscores, at most { $max } characters.
org-import-bad-role = Line { $line }: the role "{ $value }" is not valid. Write one of: HEAD, DEPUTY, MEMBER (or trưởng, phó, thành viên).
org-import-bad-phone = Line { $line }: the phone number "{ $value }" is not valid (mobile numbers have 10 digits, fixed lines 11, starting with 0 or +84).
org-import-bad-admin-flag = Line { $line }: the value "{ $value }" in column is_admin is not valid. Leave it empty, or write 1 (administrator) or 0.
org-import-unit-name-conflict = Line { $line }: unit { $unit } is named "{ $name }", unlike "{ $firstName }" on line { $firstLine }.
org-import-unit-parent-conflict = Line { $line }: unit { $unit } has the parent unit { $parent }, unlike { $firstParent } on line { $firstLine }.
org-import-unit-undeclared = Line { $line }: unit { $unit } is not given a name (column unit_name) on any line of the file.
org-import-unknown-parent = Line { $line }: the parent unit { $parent } of unit { $unit } is not in the file.
org-import-unit-cycle = Line { $line }: the units' parent links form a loop: { $cycle }.
org-import-two-heads = Line { $line }: unit { $unit } already has { $otherOfficial } as its head (line { $otherLine }); a unit has one head, so { $official } cannot be head as well.
org-import-duplicate-official = Line { $line }: the official code { $official } is already used on line { $firstLine }.
org-import-unknown-superior = Line { $line }: the direct superior { $superior } of official { $official } is not in the file.
org-import-superior-cycle = Line { $line }: the direct superiors of official { $official } form a loop: { $cycle }.

## Result of an organisation import

org-import-rejected = File rejected, nothing was written: { $count } errors.
org-import-done = Organisation imported.
org-import-units = Units: { $created } created, { $updated } updated, { $deactivated } deactivated.
org-import-officials = Officials: { $created } created, { $updated } updated, { $deactivated } deactivated.
org-import-deactivated-note = Officials and units no longer in the file are deactivated, not deleted: their tasks, reminders and audit history are kept.
org-import-valid = The file is valid: { $units } units, { $officials } officials. This was a dry run; nothing was written.

## The plan of changes: shown before every import and by a dry run (--dry-run)

org-import-plan-unit-added = + unit { $code } – { $name }: new
org-import-plan-unit-changed = ~ unit { $code } – { $name }: { $fields }
org-import-plan-unit-deactivated = − unit { $code } – { $name }: deactivated
org-import-plan-official-added = + { $code } { $name } ({ $unit }): new
org-import-plan-official-changed = ~ { $code } { $name } ({ $unit }): { $fields }
org-import-plan-official-deactivated = − { $code } { $name } ({ $unit }): deactivated
org-import-plan-more = … and { $count } more lines
org-import-field-name = renamed
org-import-field-position = moved in the structure
org-import-field-fullName = new full name
org-import-field-title = new title
org-import-field-role = new role
org-import-field-unit = moved to another unit
org-import-field-superior = new direct superior
org-import-field-phone = new phone number
org-import-field-isAdmin = admin rights changed
org-import-field-reactivated = active again
org-import-refused = Import refused, nothing was written: this file would deactivate { $count } of the { $active } active officials ({ NUMBER($percent, maximumFractionDigits: 1) }%), more than allowed (more than { $maxOfficials } officials or more than { $maxPercent }%; orgImport in the policy file). The file may hold only part of the organisation.
org-import-refused-hint = If these officials really have left or moved, run the command again with --allow-deactivate (preview with --dry-run).
