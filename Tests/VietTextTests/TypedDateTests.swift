import Testing

@testable import VietText

struct TypedDateTests {
    /// A date as a clerk types it in the desk's form.
    @Test(arguments: [
        ("15/04/2024", "2024-04-15"), ("15/4/2024", "2024-04-15"), ("5-9-2025", "2025-09-05"),
        ("05.09.2025", "2025-09-05"), ("2024-04-15", "2024-04-15"), ("04/2024", "2024-04"), ("2024-04", "2024-04"),
        ("29/02/2024", "2024-02-29")
    ])
    func typedDatesAreRead(typed: String, iso: String) {
        #expect(IssuedDate.typed(typed) == .date(IssuedDate(iso: iso)!))
    }

    @Test func whatIsNoDateOrNoDayIsSaidApart() {
        for text in ["hôm qua", "15/04", "15/04/24", "2024/04/15/1", "١٥/٠٤/٢٠٢٤", "a/b/2024", ""] {
            #expect(IssuedDate.typed(text) == .notADate, "\(text)")
        }
        for text in ["31/02/2024", "29/02/2023", "31/04/2025", "15/13/2024", "0/1/2024"] {
            #expect(IssuedDate.typed(text) == .noSuchDay, "\(text)")
        }
    }
}
