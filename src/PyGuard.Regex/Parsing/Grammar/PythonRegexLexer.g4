// The tokens of CPython 3.13's `re` dialect (re._parser), written for PyGuard.
//
// The lexer does what sre_parse's Tokenizer and its callers do between them. Inside a character class the
// text is cut differently (every digit escape is octal, `(` `|` `*` are plain characters, a `]` right
// after the opening bracket is a member), so classes are a lexer mode. Verbose mode (`re.X`, `(?x)`, and
// scoped `(?x:...)` / `(?-x:...)` for one group) only decides whether blanks and `#` comments outside
// classes are skipped; it is kept per open group in PythonRegexLexer.State.cs and read by the two
// predicates below, which stand at the right edge of their rules so that ANTLR's lexer DFA stays cached for
// every other token.
//
// Anything sre_parse rejects at this level still becomes a token (ESC_HEX_INCOMPLETE, GROUP_EXT_BAD, ...):
// the parser accepts them and RegexAstBuilder reports CPython's message, so no text is ever unlexable.
lexer grammar PythonRegexLexer;

// ---------------------------------------------------------------- outside a class

VERBOSE_SPACE          : [ \t\n\r\u000B\f]+ {Verbose}? -> skip ;
// A verbose comment runs to the end of the line; an escaped newline does not end it (sre reads pairs).
VERBOSE_COMMENT        : '#' ( '\\' . | ~[\n\\] )* '\n'? {Verbose}? -> skip ;
COMMENT                : '(?#' ( '\\' . | ~[)\\] )* ')' -> skip ;
COMMENT_UNTERMINATED   : '(?#' ( '\\' . | ~[)\\] )* ;

GROUP_NAMED            : '(?P<' ( '\\' . | ~[>\\] )* '>' { OpenGroup(); } ;
GROUP_NAMED_UNTERMINATED : '(?P<' ( '\\' . | ~[>\\] )* ;
GROUP_NAMED_REF        : '(?P=' ( '\\' . | ~[)\\] )* ')' ;
GROUP_NAMED_REF_UNTERMINATED : '(?P=' ( '\\' . | ~[)\\] )* ;
GROUP_CONDITIONAL      : '(?(' ( '\\' . | ~[)\\] )* ')' { OpenGroup(); } ;
GROUP_CONDITIONAL_UNTERMINATED : '(?(' ( '\\' . | ~[)\\] )* ;
GROUP_NONCAPTURE       : '(?:' { OpenGroup(); } ;
GROUP_ATOMIC           : '(?>' { OpenGroup(); } ;
GROUP_LOOKAHEAD        : '(?' [=!] { OpenGroup(); } ;
GROUP_LOOKBEHIND       : '(?<' [=!] { OpenGroup(); } ;
// Flag letters and dashes are taken as a run; the builder checks them as sre_parse's _parse_flags does.
FLAGS_SCOPED           : '(?' FLAG* ':' { OpenScopedFlagsGroup(); } ;
FLAGS_GLOBAL           : '(?' FLAG+ ')' { ApplyGlobalFlags(); } ;
FLAGS_BAD              : '(?' FLAG+ .? ;
GROUP_EXT_BAD          : '(?' [P<]? .? ;
GROUP_OPEN             : '(' { OpenGroup(); } ;
GROUP_CLOSE            : ')' { CloseGroup(); } ;

QUANT                  : ( [*+?] | '{' ( DIGIT+ ( ',' DIGIT* )? | ',' DIGIT* ) '}' ) [?+]? ;
ALTERNATION            : '|' ;
DOT                    : '.' ;
CARET                  : '^' ;
DOLLAR                 : '$' ;
CLASS_OPEN             : '[' '^'? -> pushMode(CLASS) ;

// Outside a class: \0 takes up to two more octal digits; three octal digits not starting with 0 are an
// octal escape; otherwise one or two decimal digits are a group reference.
ESC_OCTAL_ZERO         : '\\0' OCT? OCT? ;
ESC_OCTAL3             : '\\' [1-7] OCT OCT ;
ESC_BACKREF            : '\\' [1-9] [0-9]? ;
ESC_HEX                : ESCAPE_HEX ;
ESC_HEX_INCOMPLETE     : ESCAPE_HEX_INCOMPLETE ;
ESC_U4                 : ESCAPE_U4 ;
ESC_U4_INCOMPLETE      : ESCAPE_U4_INCOMPLETE ;
ESC_U8                 : ESCAPE_U8 ;
ESC_U8_INCOMPLETE      : ESCAPE_U8_INCOMPLETE ;
ESC_NAMED              : ESCAPE_NAMED ;
ESC_NAMED_UNTERMINATED : ESCAPE_NAMED_UNTERMINATED ;
ESC_CHAR               : '\\' . ;
ESC_END                : '\\' ;
LITERAL_CHAR           : . ;

// ---------------------------------------------------------------- inside a class

mode CLASS;

// A ']' right after the opening bracket is a member (State.cs knows where the class started).
CLASS_CLOSE            : ']' {!AtClassStart}? -> popMode ;
CLASS_DASH             : '-' ;
// In a class every digit escape is octal (up to three digits); \8 and \9 fall to ESC_CHAR (bad escape).
CLASS_OCTAL            : '\\' OCT OCT? OCT? ;
CLASS_HEX              : ESCAPE_HEX -> type(ESC_HEX) ;
CLASS_HEX_INCOMPLETE   : ESCAPE_HEX_INCOMPLETE -> type(ESC_HEX_INCOMPLETE) ;
CLASS_U4               : ESCAPE_U4 -> type(ESC_U4) ;
CLASS_U4_INCOMPLETE    : ESCAPE_U4_INCOMPLETE -> type(ESC_U4_INCOMPLETE) ;
CLASS_U8               : ESCAPE_U8 -> type(ESC_U8) ;
CLASS_U8_INCOMPLETE    : ESCAPE_U8_INCOMPLETE -> type(ESC_U8_INCOMPLETE) ;
CLASS_NAMED            : ESCAPE_NAMED -> type(ESC_NAMED) ;
CLASS_NAMED_UNTERMINATED : ESCAPE_NAMED_UNTERMINATED -> type(ESC_NAMED_UNTERMINATED) ;
CLASS_ESC_CHAR         : '\\' . -> type(ESC_CHAR) ;
CLASS_ESC_END          : '\\' -> type(ESC_END) ;
CLASS_CHAR             : . ;

// ---------------------------------------------------------------- shared pieces

fragment ESCAPE_HEX                : '\\x' HEX HEX ;
fragment ESCAPE_HEX_INCOMPLETE     : '\\x' HEX? ;
fragment ESCAPE_U4                 : '\\u' HEX HEX HEX HEX ;
fragment ESCAPE_U4_INCOMPLETE      : '\\u' ( HEX ( HEX HEX? )? )? ;
fragment ESCAPE_U8                 : '\\U' HEX HEX HEX HEX HEX HEX HEX HEX ;
fragment ESCAPE_U8_INCOMPLETE      : '\\U' HEX? HEX? HEX? HEX? HEX? HEX? HEX? ;
// Names are read token by token, so an escaped '}' does not end one.
fragment ESCAPE_NAMED              : '\\N{' ( '\\' . | ~[}\\] )* '}' ;
fragment ESCAPE_NAMED_UNTERMINATED : '\\N{' ( '\\' . | ~[}\\] )* ;
fragment OCT   : [0-7] ;
fragment DIGIT : [0-9] ;
fragment HEX   : [0-9a-fA-F] ;
fragment FLAG  : [aiLmsux\-] ;
