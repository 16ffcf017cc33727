import Mustache

/// The desk's pages: Mustache templates like the site's, their values escaped by the library.
/// They are the tool's own pages, served by `serve` only, never written into a site, and never
/// reloaded by the preview's script: a form page reloaded after a save would be sent again.
enum DeskTemplates {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in [
            ("layout", layout), ("home", home), ("form", form), ("documents", documents), ("signIn", signIn)
        ] {
            // The templates are this file's: one that does not parse is a bug caught by the tests.
            try! library.register(text, named: name)
        }
        return library
    }()

    static func render(_ name: String, _ context: [String: Any]) -> String {
        let content = library.render(context, withTemplate: name) ?? ""
        var page = context
        page["content"] = content
        return library.render(page, withTemplate: "layout") ?? content
    }

    static let layout = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}{{^isHome}} – Bàn soạn thảo{{/isHome}}</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.5; color: #1a1a1a; background: #fff; }
        a { color: #0b4f8a; }
        h1 { font-size: 1.5rem; }
        h2 { font-size: 1.2rem; margin-top: 2rem; }
        label { display: block; font-weight: 600; margin-top: 1rem; }
        input[type=text], input[type=password], input[type=file], select, textarea { display: block; box-sizing: border-box; width: 100%; font: inherit; padding: .4rem; border: 1px solid #555; border-radius: 4px; }
        textarea { min-height: 6rem; }
        fieldset { border: 1px solid #999; border-radius: 4px; margin-top: 1rem; }
        fieldset label { display: inline; font-weight: normal; margin: 0 1rem 0 .25rem; }
        .choice { display: inline-block; margin: .25rem 0; }
        button { font: inherit; font-weight: 600; margin-top: 1.5rem; padding: .6rem 1.2rem; background: #0b4f8a; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
        .note { color: #444; font-size: .95rem; margin: .25rem 0; }
        .warning { color: #7a4a00; font-size: .95rem; margin: .25rem 0; }
        .error { color: #8a1c1c; font-weight: 600; }
        .problems { border-left: 4px solid #8a1c1c; padding-left: .75rem; }
        .question { border: 2px solid #7a4a00; padding: .75rem; border-radius: 4px; margin-top: 1.5rem; }
        .done { border-left: 4px solid #1f6b2f; padding-left: .75rem; }
        .preview { border: 1px solid #999; border-radius: 4px; padding: 0 1rem; overflow-wrap: anywhere; }
        .preview table { border-collapse: collapse; display: block; overflow-x: auto; }
        .preview td, .preview th { border: 1px solid #999; padding: .2rem .4rem; }
        code { overflow-wrap: anywhere; }
        .bar { margin: 1rem 0; }
        header form { display: inline; }
        header button { margin: 0 0 0 .5rem; padding: .2rem .6rem; font-weight: normal; }
        @media (min-width: 60rem) { .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; } }
        </style>
        </head>
        <body>
        <header><div class="bar">{{^signingIn}}<a href="{{base}}">Xem cổng</a> · <a href="{{base}}_soan-thao/">Bàn soạn thảo</a>{{/signingIn}}{{#signingIn}}Bàn soạn thảo của cổng công khai{{/signingIn}}{{#account}} · Tài khoản <strong>{{account}}</strong> <form method="post" action="{{base}}_soan-thao/dang-xuat"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Đăng xuất</button></form>{{/account}}</div></header>
        <main>
        {{{content}}}
        </main>
        </body>
        </html>

        """

    static let home = """
        <h1>Bàn soạn thảo</h1>
        <p>Chọn đơn vị, rồi chọn tệp văn bản (Word .docx, PDF, .txt hoặc trang web đã lưu .html) hoặc dán nội dung văn bản. congkhai đọc số, ngày, trích yếu, người ký… để bạn kiểm tra trước khi lưu. Trang đang đăng trên mạng không thay đổi cho đến khi xuất bản (ở cuối trang này).</p>
        {{#hasProblems}}<div class="problems" role="alert">{{#problems}}<p class="error">{{.}}</p>{{/problems}}</div>{{/hasProblems}}
        {{#hasPublished}}<div class="done" role="status">{{#published}}<p><strong>{{.}}</strong></p>{{/published}}</div>{{/hasPublished}}
        <form method="post" action="{{base}}_soan-thao/nhap" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="unit">Đơn vị</label>
        {{#hasNoUnits}}<p class="error">Tài khoản này chưa được giao đơn vị nào có trên cổng. Hỏi người quản trị cổng.</p>{{/hasNoUnits}}
        <select id="unit" name="unit" required><option value="">Chọn đơn vị…</option>{{#units}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/units}}</select>
        <label for="file">Tệp văn bản</label>
        <input type="file" id="file" name="file" accept=".docx,.pdf,.txt,.html,.htm">
        <p class="note">Tối đa {{maxMegabytes}} MB.</p>
        <label for="text">Hoặc dán nội dung văn bản</label>
        <textarea id="text" name="text" rows="8"></textarea>
        <button type="submit">Đọc văn bản</button>
        </form>
        <h2>Sửa văn bản đã có</h2>
        <form method="get" action="{{base}}_soan-thao/van-ban">
        <label for="don-vi">Đơn vị</label>
        <select id="don-vi" name="don-vi" required><option value="">Chọn đơn vị…</option>{{#units}}<option value="{{id}}">{{name}}</option>{{/units}}</select>
        <button type="submit">Xem các văn bản</button>
        </form>
        <h2>Xuất bản</h2>
        <p>Văn bản đã lưu hiện ngay trên <a href="{{base}}">bản xem trước</a>. Bấm <strong>Xuất bản</strong> để tạo bản để đăng trong thư mục <code>{{output}}</code>; trang trên mạng chỉ đổi khi thư mục đó được chép lên máy chủ web (người quản trị làm việc này).</p>
        <form method="post" action="{{base}}_soan-thao/xuat-ban">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit">Xuất bản</button>
        </form>
        <h2>Đã lưu và xuất bản gần đây</h2>
        {{^saves}}<p class="note">Chưa lưu văn bản nào.</p>{{/saves}}
        {{#hasSaves}}<ul>{{#saves}}<li>{{time}}: {{#linked}}<a href="{{url}}">{{title}}</a>{{/linked}}{{^linked}}{{title}}{{/linked}} ({{what}}{{#who}}, {{who}}{{/who}})</li>{{/saves}}</ul>{{/hasSaves}}

        """

    static let documents = """
        <h1>Văn bản của {{unitName}}</h1>
        {{^hasRows}}<p>Đơn vị chưa có văn bản nào.</p>{{/hasRows}}
        {{#hasRows}}<ul>{{#rows}}<li><a href="{{edit}}">{{title}}</a> – {{year}}{{#draft}} (đã rút, không hiện trên cổng){{/draft}}<br><code>{{file}}</code></li>{{/rows}}</ul>{{/hasRows}}

        """

    static let form = """
        <h1>{{heading}}</h1>
        <p>Đơn vị: <strong>{{unitName}}</strong>. Tệp: <code>{{sourceName}}</code>. Sửa các ô còn sai rồi bấm “Lưu văn bản”.</p>
        {{#hasProblems}}<div class="problems" role="alert">{{#problems}}<p class="error">{{.}}</p>{{/problems}}</div>{{/hasProblems}}
        {{#hasGeneral}}<h2>congkhai lưu ý</h2><ul>{{#general}}<li class="warning">{{.}}</li>{{/general}}</ul>{{/hasGeneral}}
        <div class="columns">
        <form method="post" action="{{base}}_soan-thao/{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">
        {{/hidden}}
        {{#fields}}
        <label for="{{key}}">{{label}}</label>
        {{#lines}}<textarea id="{{key}}" name="{{key}}" rows="4">{{value}}</textarea><p class="note">Mỗi dòng một mục.</p>{{/lines}}
        {{^lines}}{{#hasOptions}}<select id="{{key}}" name="{{key}}">{{#options}}<option value="{{slug}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/options}}</select>{{/hasOptions}}{{^hasOptions}}<input type="text" id="{{key}}" name="{{key}}" value="{{value}}"{{#placeholder}} placeholder="{{placeholder}}"{{/placeholder}}>{{/hasOptions}}{{/lines}}
        {{#error}}<p class="error">{{error}}</p>{{/error}}
        {{#warnings}}<p class="warning">{{.}}</p>{{/warnings}}
        {{/fields}}
        <fieldset><legend>Mục phải công khai theo Thông tư 09/2024</legend>
        <p class="note">Đánh dấu mục văn bản này công khai: trang tiến độ công khai tính theo đây.</p>
        {{#items}}<span class="choice"><input type="checkbox" id="danh-muc-{{slug}}" name="categories[]" value="{{slug}}"{{#checked}} checked{{/checked}}><label for="danh-muc-{{slug}}">{{name}}</label></span> {{/items}}
        </fieldset>
        {{#hasOthers}}<fieldset><legend>Danh mục khác của cổng</legend>
        {{#otherCategories}}<span class="choice"><input type="checkbox" id="danh-muc-{{slug}}" name="categories[]" value="{{slug}}"{{#checked}} checked{{/checked}}><label for="danh-muc-{{slug}}">{{name}}</label></span> {{/otherCategories}}
        </fieldset>{{/hasOthers}}
        {{#editing}}<fieldset><legend>Rút văn bản</legend>
        <input type="checkbox" id="rut" name="rut" value="1"{{#withdrawn}} checked{{/withdrawn}}><label for="rut">Không hiện văn bản này trên cổng nữa (văn bản vẫn được giữ, cho hiện lại được).</label>
        </fieldset>{{/editing}}
        {{#overwrite}}<div class="question" role="alert"><p><strong>Trên cổng đã có văn bản này</strong> (<code>{{overwrite}}</code>). Lưu bản mới thay cho nó? Bản cũ vẫn được giữ lại trong thư mục của bản xem trước.</p>
        <input type="checkbox" id="ghi_de" name="ghi_de" value="{{overwrite}}"> <label for="ghi_de" style="display:inline">Có, ghi đè văn bản cũ</label></div>{{/overwrite}}
        <button type="submit">Lưu văn bản</button>
        </form>
        <section aria-labelledby="xem-truoc"><h2 id="xem-truoc">Xem trước nội dung</h2><div class="preview">{{{preview}}}</div></section>
        </div>

        """

    static let signIn = """
        <h1>Đăng nhập</h1>
        <p>Đăng nhập bằng tài khoản người quản trị cổng đã cấp cho đơn vị của bạn.</p>
        {{#hasProblems}}<div class="problems" role="alert">{{#problems}}<p class="error">{{.}}</p>{{/problems}}</div>{{/hasProblems}}
        <form method="post" action="{{base}}_soan-thao/dang-nhap">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="tiep" value="{{next}}">
        <label for="ten">Tên tài khoản</label>
        <input type="text" id="ten" name="ten" value="{{name}}" autocomplete="username" autocapitalize="none" spellcheck="false" required>
        <label for="mat-khau">Mật khẩu</label>
        <input type="password" id="mat-khau" name="mat_khau" autocomplete="current-password" required>
        <button type="submit">Đăng nhập</button>
        </form>
        <p class="note">Quên mật khẩu hoặc chưa có tài khoản: hỏi người quản trị cổng (họ đặt lại bằng lệnh <code>congkhai user password</code>).</p>

        """
}
