import Import

extension Importer {
    /// An importer for a portal's folder: its units are read from content/units/*/unit.yaml.
    package init(options: Options) {
        let units = ContentLoader(root: options.portal).load().units
        self.init(
            options: options,
            units: units.map { ImportUnit(id: $0.id, name: $0.name, district: $0.district, province: $0.province) })
    }
}
