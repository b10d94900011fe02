/**
 * The file `argmap init` writes: a small argument that passes `argmap check` with no problem, every
 * field of the format shown once and explained in a comment. `{{schema}}` becomes the modeline's
 * path to the schema. Kept as a string (not a .yaml file) so the bundle needs no loader for it.
 */
export const ARGUMENT_TEMPLATE = `# yaml-language-server: $schema={{schema}}
# The line above lets editors with the YAML language server (VS Code's "YAML" extension, ...)
# complete, explain and check this file as you type; see docs/editors.md.
# Check it with: argmap check <this file>. The format is described in docs/format.md.

# The version of the argmap format this file is written in. Always the number 1.
argmap: 1

# A short title for the map, usually the question the piece of writing answers. Required.
title: Should our town keep the library open on Sundays?

# Optional: your notes about this map: who encoded it, from what, and what was left out.
description: >-
  A template written by argmap init. Replace every value with the argument you are
  mapping, and delete the fields you do not need (only argmap, title and
  recommendation are required).

# Optional: the piece of writing that was analysed. Every field is optional.
document:
  kind: op-ed                  # op-ed, editorial, essay, speech, report, debate, paper, post, other
  title: Open the library on Sundays   # the headline as published
  author: A. Writer            # who wrote it
  outlet: The Town Courier     # where it was published
  date: 2025-01                # YYYY-MM-DD, YYYY-MM or YYYY: as precise as the piece, no more
  url: https://example.org/library-sundays   # where it can be read (http:// or https://)
  note: The outlet and author are placeholders.   # what is missing, how you dated it

# Who said what, where and when. Evidence cites a source by its id; list each source once.
sources:
  - id: library-survey         # lowercase words joined by hyphens; unique in the file
    speaker: Town Library      # the person or body the information comes from
    role: public library       # the speaker's role or title
    organization: Town Council # who the speaker speaks for
    venue: survey of library users   # where or how it was said or published
    date: 2024-11              # YYYY-MM-DD, YYYY-MM or YYYY
    kind: report               # statement, denial, interview, testimony, intelligence-assessment,
                               # report, article, document, data, imagery, video, other
    url: https://example.org/library-survey
    note: Placeholder source.  # anything the reader should know about the source

# The thesis: what the piece recommends or concludes, in the author's terms. Required.
recommendation:
  id: open-on-sundays          # optional: an id lets other claims refer to this one
  text: The town library should open on Sundays.
  quote: Open the library on Sundays.   # optional: the author's own words, verbatim
  note: The piece's closing line.       # optional: your note about this claim

  # Reasons support the claim above. Each is a claim: text, and optionally evidence, reasons of its
  # own, risks, counterpoints, an id, a quote, a note.
  reasons:
    - id: families-visit-weekends
      text: Families can visit the library only at weekends.
      # Evidence: a fact offered for the claim, with the id of its source.
      evidence:
        - text: Most library users surveyed said they work on weekdays.
          source: library-survey
          quote: most of us work on weekdays   # optional: the source's own words
          note: Placeholder figure.            # optional
    - id: staff-want-sundays
      text: Staff are willing to work Sunday shifts.
      assumption: true         # the author takes it as given and offers nothing for it

  # Risks: consequences the author warns of; like reasons, they support the recommendation.
  risks:
    - text: Without Sunday hours, families will stop using the library.
      reasons:
        - ref: families-visit-weekends   # reuse a claim defined elsewhere in the file by its id

  # Counterpoints attack the claim above: objections the piece reports.
  counterpoints:
    - id: costs-too-much
      text: Sunday opening costs more than the library can afford.
      conceded: true           # the author grants the point (and does not deny it below)
      evidence:
        - text: The library said Sunday opening would raise its staff costs.
          source: library-survey
      # Rebuttals attack the counterpoint: the author's answers. undercut: true would mean
      # "true, but it does not follow" rather than "false".
      rebuttals:
        - text: Sunday opening pays for itself in more loans and donations.
          undercut: true
          assumption: true

# Optional: objections to the recommendation as a whole, or, with targets, to the claims they name.
counterpoints:
  - text: Staff will not want to work on Sundays.
    targets: [staff-want-sundays]   # the ids of the claims this attacks
    assumption: true                # the piece offers nothing for it; argmap would warn otherwise
    rebuttals:
      - ref: staff-want-sundays     # answered by a claim already made
`;
