## The plan's implementation report (IV.1): a DOCX draft in the form of Decree 30/2020/NĐ-CP, /planreport, CLI report plan
## The plan-doc-* keys are the document's text, always written in Vietnamese; these English ones keep the catalogue whole.

plan-doc-draft = DRAFT
plan-doc-nation = SOCIALIST REPUBLIC OF VIET NAM
plan-doc-motto = Independence - Freedom - Happiness
plan-doc-number = No.        /BC-{ $symbol }
plan-doc-place-blank = ……………
plan-doc-place-date = { $place }, { $day }/{ $month }/{ $year }
plan-doc-kind = REPORT
plan-doc-subject = Results of the Plan implementing Directive 56-CT/TU of 29/01/2024 of the Provincial Party Standing Committee on discipline, order and responsibility in handling work in the provincial political system, year { $year }
plan-doc-intro = Implementing the Plan for Directive 56-CT/TU of 29/01/2024 of the Provincial Party Standing Committee on discipline, order and responsibility in handling work in the provincial political system (part IV, point 1: report the results every year), { $unit } reports the results for { $year } as follows:
plan-doc-source = The figures in this report come from the work follow-up system for the period { $from } to { $to }, covering { $units } units and { $officials } officials; how each is counted and the items behind them are in the evaluation report (Excel file) for the same period.
plan-doc-source-partial = The figures in this report come from the work follow-up system for the period { $from } to { $to } (the year is not over: figures as of { $at }), covering { $units } units and { $officials } officials; how each is counted and the items behind them are in the evaluation report (Excel file) for the same period.

plan-doc-section-results = I. RESULTS
plan-doc-general-heading = 1. Leadership, direction, dissemination and implementation
plan-doc-general-placeholder = [The office writes: plans and directing documents issued; dissemination and communication; inspection and follow-up during the year.]
plan-doc-tasks-heading = 2. Handling of assigned tasks
plan-doc-tasks-text = In the period, officials of the units received { $received } tasks and accepted { $accepted } in time; { $onTime } were completed on time, { $late } late, { $overdue } are overdue and not completed. On-time rate: { $rate }. Time to accept (median): { $median }.
plan-doc-rate = { $percent }% ({ $onTime }/{ $rated } tasks completed or due)
plan-doc-rate-none = no task due yet
plan-doc-hours = { $hours } working hours
plan-doc-hours-none = no figure yet
plan-doc-table-tasks = Table 1. Handling of tasks by unit
plan-doc-consult-heading = 3. Answers to requests for opinion, with a clear stance
plan-doc-consult-text = In the period, officials of the units were asked for their opinion { $received } times; { $inTime } answered in time, { $late } late, { $unanswered } overdue and unanswered; { $noStance } replies gave no clear stance. Share answered with a stance: { $stance }. Time to answer (median): { $median }.
plan-doc-stance-rate = { $percent }% ({ $answered }/{ $received })
plan-doc-stance-none = nobody was asked yet
plan-doc-col-stance-rate = Answered with a stance (%)
plan-doc-table-consult = Table 2. Answers to requests for opinion by unit
plan-doc-signals-heading = 4. Confirmed signs of evasion, buck-passing and irresponsibility; demands for explanation
plan-doc-signals-text = In the period, { $count } signals were confirmed against the behaviours of part III, point 7 of the Plan (of which { $detail }); { $explanations } demands for explanation.
plan-doc-signals-none = In the period, no signal was confirmed against the behaviours of part III, point 7 of the Plan; { $explanations } demands for explanation.
plan-doc-behaviour-count = behaviour ({ $behaviour }): { $count }
plan-doc-table-signals = Table 3. Confirmed signals by behaviour (numbered as in part III, point 7 of the Plan) and demands for explanation
plan-doc-col-behaviour = ({ $n })
plan-doc-col-signals-total = Total
plan-doc-col-explanations = Explanations
plan-doc-notices-heading = 5. Dissemination of documents; share of officials who confirmed reading
plan-doc-notices-placeholder = [The office adds: documents sent for dissemination and the share of officials who confirmed "Read and understood", by unit. The system has no such figures for the period.]
plan-doc-recognition-heading = 6. Exemplary units and individuals
plan-doc-recognition-placeholder = [The office adds: exemplary units and individuals in discipline, order and responsibility; commendations. The system has no such figures for the period.]
plan-doc-assessment-heading = 7. Overall assessment
plan-doc-assessment-placeholder = [The office writes: the overall assessment of the change in discipline, order and responsibility, on the figures above.]
plan-doc-section-limits = II. SHORTCOMINGS AND CAUSES
plan-doc-limits-heading = 1. Shortcomings
plan-doc-limits-placeholder = [The office writes: the shortcomings. Figures to compare: { $overdue } tasks overdue and not completed, { $unanswered } requests for opinion overdue and unanswered, { $signals } confirmed signals.]
plan-doc-causes-heading = 2. Causes
plan-doc-causes-placeholder = [The office writes: the objective and subjective causes of the shortcomings.]
plan-doc-section-directions = III. DIRECTIONS AND TASKS
plan-doc-directions-placeholder = [The office writes: directions, tasks and measures for carrying out the Plan next year.]
plan-doc-closing = This is the report of { $unit } on the results of the Plan in { $year }./.
plan-doc-recipients = To:
plan-doc-recipient-standing = - The Standing Committee of { $root } (for information);
plan-doc-recipient-unit = - { $unit };
plan-doc-recipient-archive = - Archive: clerical office.
plan-doc-signer-authority = [AUTHORITY AND POSITION OF THE SIGNER]

plan-report-not-head = The draft implementation report of the Plan is for unit heads. You may ask your head or the office for it.
plan-report-usage = Use: /planreport [year], e.g. /planreport or /planreport 2026. Sends the draft report on the Plan's results (a Word file in the form of Decree 30/2020/NĐ-CP) with the figures of your unit and the units under it.
plan-report-future = The year { $year } has not begun or is not valid. Choose a year from { $min } to { $max }.
plan-report-ready = 📄 Draft report on the Plan's results for { $year } – { $unit }.
    Figures from { $from } to { $to }: { $tasks } tasks received, on-time rate { $rate }; { $consultations } requests for opinion; { $signals } confirmed signals.
    The parts marked [The office writes …] (assessment, shortcomings, causes, directions) and the document's number and date are for the office to complete before signing.
plan-report-ready-partial = 📄 Draft report on the Plan's results for { $year } – { $unit }.
    The year is not over: figures as of { $at }: { $tasks } tasks received, on-time rate { $rate }; { $consultations } requests for opinion; { $signals } confirmed signals.
    The parts marked [The office writes …] (assessment, shortcomings, causes, directions) and the document's number and date are for the office to complete before signing.
plan-report-rate-none = — (no task due yet)
plan-report-file-prefix = plan-report
plan-report-file-caption = Draft report: { $file }

plan-report-cli-usage = Example: npm run cli -- report plan --year 2026 --unit UBND --out bao-cao.docx. Add --place "Place name" for the place and date line.
plan-report-cli-bad-year = Not a valid report year: "{ $year }". Write the year in 4 digits, from { $min } to { $max }.
plan-report-cli-not-docx = The output file must end in .docx (given: { $file }).
plan-report-cli-cannot-write = Could not write { $file } ({ $reason }). Check the folder and the permission to write.
plan-report-cli-written = Wrote the draft report { $file } (year { $year }, { $units } units, { $officials } officials, { $tasks } tasks received).
help-cmd-plan-report = /planreport – draft report on the Plan's results for a year (Word file)
