//! Tokens: what the lexer produces and the parser consumes.

use num_bigint::BigInt;
use smol_str::SmolStr;
use typhon_diagnostics::{Diagnostic, Span};

/// The kind of a token. Soft keywords (`match`, `case`, `type`, `_`) are `Name`s.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[repr(u8)]
pub enum TokenKind {
    // Layout.
    /// End of a logical line.
    Newline,
    Indent,
    Dedent,
    EndOfFile,

    // Atoms. Their decoded value is in `Lexed::values` (see [`Token::value`]).
    Name,
    Int,
    Float,
    /// A complete string literal (any quotes, any prefix but `f`), already decoded.
    String,
    /// `f"`, `rf'''`, ...: opens an f-string. Followed by `FStringMiddle`s and
    /// replacement fields (`{` expression tokens [`!` Name] [`:` FStringMiddle*] `}`),
    /// closed by `FStringEnd`.
    FStringStart,
    /// Literal text of an f-string (also inside a format spec), decoded, `{{` → `{`.
    FStringMiddle,
    FStringEnd,

    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,

    // Operators and delimiters.
    Plus,
    Minus,
    Star,
    DoubleStar,
    Slash,
    DoubleSlash,
    Percent,
    At,
    LeftShift,
    RightShift,
    Amper,
    VBar,
    Circumflex,
    Tilde,
    ColonEqual,
    Less,
    Greater,
    LessEqual,
    GreaterEqual,
    EqEqual,
    NotEqual,
    Lpar,
    Rpar,
    Lsqb,
    Rsqb,
    Lbrace,
    Rbrace,
    Comma,
    Colon,
    Dot,
    Semi,
    Equal,
    Rarrow,
    Ellipsis,
    /// `!` before an f-string conversion (`{x!r}`); nowhere else.
    Exclamation,
    PlusEqual,
    MinusEqual,
    StarEqual,
    SlashEqual,
    DoubleSlashEqual,
    PercentEqual,
    AtEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,

    /// Text the lexer could not turn into a token. A diagnostic was already reported;
    /// the parser skips it without reporting again.
    Error,
}

impl TokenKind {
    /// How the token is written, for messages such as `expected ':'`.
    pub fn describe(self) -> &'static str {
        use TokenKind::*;
        match self {
            Newline => "newline",
            Indent => "indent",
            Dedent => "dedent",
            EndOfFile => "end of file",
            Name => "name",
            Int => "integer",
            Float => "float",
            String => "string",
            FStringStart => "f-string",
            FStringMiddle => "f-string text",
            FStringEnd => "end of f-string",
            False => "'False'",
            None => "'None'",
            True => "'True'",
            And => "'and'",
            As => "'as'",
            Assert => "'assert'",
            Async => "'async'",
            Await => "'await'",
            Break => "'break'",
            Class => "'class'",
            Continue => "'continue'",
            Def => "'def'",
            Del => "'del'",
            Elif => "'elif'",
            Else => "'else'",
            Except => "'except'",
            Finally => "'finally'",
            For => "'for'",
            From => "'from'",
            Global => "'global'",
            If => "'if'",
            Import => "'import'",
            In => "'in'",
            Is => "'is'",
            Lambda => "'lambda'",
            Nonlocal => "'nonlocal'",
            Not => "'not'",
            Or => "'or'",
            Pass => "'pass'",
            Raise => "'raise'",
            Return => "'return'",
            Try => "'try'",
            While => "'while'",
            With => "'with'",
            Yield => "'yield'",
            Plus => "'+'",
            Minus => "'-'",
            Star => "'*'",
            DoubleStar => "'**'",
            Slash => "'/'",
            DoubleSlash => "'//'",
            Percent => "'%'",
            At => "'@'",
            LeftShift => "'<<'",
            RightShift => "'>>'",
            Amper => "'&'",
            VBar => "'|'",
            Circumflex => "'^'",
            Tilde => "'~'",
            ColonEqual => "':='",
            Less => "'<'",
            Greater => "'>'",
            LessEqual => "'<='",
            GreaterEqual => "'>='",
            EqEqual => "'=='",
            NotEqual => "'!='",
            Lpar => "'('",
            Rpar => "')'",
            Lsqb => "'['",
            Rsqb => "']'",
            Lbrace => "'{'",
            Rbrace => "'}'",
            Comma => "','",
            Colon => "':'",
            Dot => "'.'",
            Semi => "';'",
            Equal => "'='",
            Rarrow => "'->'",
            Ellipsis => "'...'",
            Exclamation => "'!'",
            PlusEqual => "'+='",
            MinusEqual => "'-='",
            StarEqual => "'*='",
            SlashEqual => "'/='",
            DoubleSlashEqual => "'//='",
            PercentEqual => "'%='",
            AtEqual => "'@='",
            AmperEqual => "'&='",
            VBarEqual => "'|='",
            CircumflexEqual => "'^='",
            LeftShiftEqual => "'<<='",
            RightShiftEqual => "'>>='",
            DoubleStarEqual => "'**='",
            Error => "invalid token",
        }
    }

    pub fn is_keyword(self) -> bool {
        (self as u8) >= (TokenKind::False as u8) && (self as u8) <= (TokenKind::Yield as u8)
    }

    /// The keyword spelled `text`, if it is one (hard keywords only).
    pub fn keyword(text: &str) -> Option<TokenKind> {
        use TokenKind::*;
        Some(match text {
            "False" => False,
            "None" => None,
            "True" => True,
            "and" => And,
            "as" => As,
            "assert" => Assert,
            "async" => Async,
            "await" => Await,
            "break" => Break,
            "class" => Class,
            "continue" => Continue,
            "def" => Def,
            "del" => Del,
            "elif" => Elif,
            "else" => Else,
            "except" => Except,
            "finally" => Finally,
            "for" => For,
            "from" => From,
            "global" => Global,
            "if" => If,
            "import" => Import,
            "in" => In,
            "is" => Is,
            "lambda" => Lambda,
            "nonlocal" => Nonlocal,
            "not" => Not,
            "or" => Or,
            "pass" => Pass,
            "raise" => Raise,
            "return" => Return,
            "try" => Try,
            "while" => While,
            "with" => With,
            "yield" => Yield,
            _ => return Option::None,
        })
    }
}

/// The value of an integer literal: a fast 64-bit form, or a big integer.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum IntValue {
    Small(i64),
    Big(BigInt),
}

/// The decoded value of an atom token.
#[derive(Clone, PartialEq, Debug)]
pub enum TokenValue {
    /// `Name`: the identifier, NFKC-normalised as Python does.
    Name(SmolStr),
    Int(IntValue),
    Float(f64),
    /// `String` and `FStringMiddle`: the text after escape processing.
    Str(String),
    /// `FStringStart`: whether the f-string is raw (backslashes kept).
    FStringStart {
        raw: bool,
    },
}

/// One token. `value` indexes [`Lexed::values`] for atoms and is [`Token::NO_VALUE`]
/// for everything else.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
    pub value: u32,
}

const _: () = assert!(std::mem::size_of::<Token>() == 16);

impl Token {
    pub const NO_VALUE: u32 = u32::MAX;
}

/// The output of [`crate::lex`]: always a complete token stream ending with
/// `EndOfFile` (with the `Newline`/`Dedent`s Python's tokenizer adds before it), plus
/// every problem found. Lexing never fails.
#[derive(Clone, Debug, Default)]
pub struct Lexed {
    pub tokens: Vec<Token>,
    pub values: Vec<TokenValue>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Lexed {
    /// The decoded value of `token`, if it is an atom.
    pub fn value(&self, token: &Token) -> Option<&TokenValue> {
        self.values.get(token.value as usize)
    }
}
